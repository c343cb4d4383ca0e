package vn.chibo.member;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

@SqlTest
class MemberPermissionsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MemberPermissions permissions;

    /** Builds an actor of some kind for a commune whose cell is the one asked about. */
    private interface ActorKind extends Function<MemberPermissionsTests, Function<Fixtures.Commune, Actor>> {
    }

    static Stream<Arguments> actors() {
        return Stream.of(
                Arguments.of("secretary", role(Role.MEMBER, Role.CELL_SECRETARY), true, true),
                Arguments.of("deputy secretary", role(Role.MEMBER, Role.CELL_DEPUTY_SECRETARY), true, true),
                Arguments.of("committee member", role(Role.MEMBER, Role.CELL_COMMITTEE_MEMBER), true, false),
                Arguments.of("plain member", role(Role.MEMBER), true, false),
                Arguments.of("officer above", (ActorKind) test -> commune -> test.fixtures
                        .accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER), true, false),
                Arguments.of("officer of another commune", (ActorKind) test -> commune -> test.fixtures
                        .accountWithoutMember(test.fixtures.commune().committee(), Role.COMMITTEE_OFFICER), false,
                        false),
                Arguments.of("secretary of a sibling cell", (ActorKind) test -> commune -> test.fixtures
                        .accountWithoutMember(test.fixtures.cellUnder(commune.committee()), Role.CELL_SECRETARY),
                        false, false),
                Arguments.of("system administrator", (ActorKind) test -> commune -> test.fixtures
                        .accountWithoutMember(test.fixtures.commune().committee(), Role.SYSTEM_ADMIN), false,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actors")
    void rosterRightsFollowRole(String who, ActorKind kind, boolean view, boolean manage) {
        Fixtures.Commune commune = fixtures.commune();
        Actor actor = kind.apply(this).apply(commune);

        assertThat(permissions.canViewRoster(actor, commune.cell().id())).as("view").isEqualTo(view);
        assertThat(permissions.canManageRoster(actor, commune.cell().id())).as("manage").isEqualTo(manage);
        assertThat(permissions.canSeeContactDetails(actor, commune.cell().id())).as("contacts").isEqualTo(manage);
        assertThat(permissions.canViewRoster(actor, commune.committee().id())).as("committee is no cell").isFalse();
    }

    private static ActorKind role(Role... roles) {
        return test -> commune -> test.fixtures.accountWithoutMember(commune.cell(), roles);
    }
}
