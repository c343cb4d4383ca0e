package vn.chibo.system;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A module's part of a person's data export: the rows its tables keep about one member and their
 * account, or about an account of no member. Each module implements it for its own tables, so that the export reads no table of
 * another module. Values are strings, numbers, booleans, dates, instants or null.
 */
public interface PersonalDataSource {

    /** One named part of the export, such as {@code attendance}, with its rows in a stable order. */
    record Section(String name, List<Map<String, @Nullable Object>> rows) {
    }

    /**
     * Returns the sections about the member and, when the member has one, their account.
     *
     * @param accountId the member's sign-in account, or null when the member has none
     */
    List<Section> sectionsOf(long memberId, @Nullable Long accountId);

    /**
     * Returns the sections about an account that belongs to no member, such as an officer's or an
     * administrator's. Sources that keep only member data return none.
     */
    default List<Section> sectionsOfAccount(long accountId) {
        return List.of();
    }

    /** Returns where the sections go in the export; lower comes first. */
    int order();
}
