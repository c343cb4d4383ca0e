package vn.chibo.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditFilter;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.AuditRecord;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.Formats;
import vn.chibo.system.PersonalDataSource;
import vn.chibo.system.PersonalDataSource.Section;
import vn.chibo.system.TooManyRequestsException;

/**
 * Builds a person's own data export: a ZIP file with every module's data about the member, or about
 * an account of no member, as JSON ({@value #JSON_FILE}) and as an HTML page to read
 * ({@value #HTML_FILE}). Only the person may export their data. Each export is audited, and at most
 * {@code chibo.privacy.export-limit} exports within {@code chibo.privacy.export-window} are allowed
 * per member or account, counted from the audit log.
 */
@Component
public class PersonalDataExport {

    static final String JSON_FILE = "du-lieu-ca-nhan.json";
    static final String HTML_FILE = "du-lieu-ca-nhan.html";
    static final String EXPORTED = "privacy.dataExported";

    /** The most recent audit entries about an account that its export lists; older ones stay in the log. */
    private static final int MAX_AUDIT_ENTRIES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(PersonalDataExport.class);

    private final List<PersonalDataSource> sources;
    private final Members members;
    private final ProfileAccessList accessList;
    private final AuditLog audit;
    private final PrivacyProperties properties;
    private final ITemplateEngine templates;
    private final Formats formats;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    PersonalDataExport(List<PersonalDataSource> sources, Members members,
            ProfileAccessList accessList, AuditLog audit, PrivacyProperties properties, ITemplateEngine templates,
            Formats formats, Clock clock) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(PersonalDataSource::order)).toList();
        this.members = members;
        this.accessList = accessList;
        this.audit = audit;
        this.properties = properties;
        this.templates = templates;
        this.formats = formats;
        this.clock = clock;
    }

    /** A finished export. */
    public record ExportedData(String fileName, byte[] zip) {
    }

    /**
     * Exports the signed-in person's own data: a member's data with their account, or for an account
     * of no member (an officer's or an administrator's) the account's data and the audit entries
     * about it.
     *
     * @throws TooManyRequestsException when the person has used up the exports of the current window
     */
    @Transactional
    public ExportedData export(Actor actor, Locale locale) {
        Optional<Member> member = actor.member().flatMap(id -> members.find(MemberId.of(id)));
        Owner owner = member.map(found -> Owner.of(found)).orElseGet(() -> Owner.of(actor));
        requireWithinLimit(owner);

        Instant now = clock.instant();
        List<Section> sections = member.isPresent() ? sectionsOf(member.get(), actor.accountId().value())
                : sectionsOfAccount(actor.accountId().value());
        byte[] zip = zip(owner, sections, now, locale);

        audit.record(new AuditEntry(actor.accountId().value(), owner.organizationId(), EXPORTED, owner.targetType(),
                owner.targetId(), "sections=" + sections.size() + " bytes=" + zip.length));
        log.info("{} {} exported their own data: {} sections, {} bytes", owner.label(), owner.targetId(),
                sections.size(), zip.length);
        return new ExportedData(owner.fileName(), zip);
    }

    /** Returns how many exports the signed-in person has left in the current window. */
    @Transactional(readOnly = true)
    public int exportsLeft(Actor actor) {
        Owner owner = actor.member().flatMap(id -> members.find(MemberId.of(id))).map(found -> Owner.of(found))
                .orElseGet(() -> Owner.of(actor));
        long used = audit.countSince(EXPORTED, owner.targetType(), owner.targetId(),
                clock.instant().minus(properties.exportWindow()));
        return (int) Math.max(0, properties.exportLimit() - used);
    }

    /**
     * Whose data an export holds: a member, or an account of no member. The audit entry of the export
     * names it, and the export limit counts per owner.
     *
     * @param organizationId the member's cell, or null for an account
     */
    private record Owner(String targetType, long targetId, @Nullable Long organizationId, String name) {

        static Owner of(Member member) {
            return new Owner("member", member.id().value(), member.cellId().value(), member.fullName());
        }

        static Owner of(Actor account) {
            return new Owner("account", account.accountId().value(), null, account.displayName());
        }

        /** Returns "Member" or "Account", for log lines that name the owner by id. */
        String label() {
            return targetType.equals("member") ? "Member" : "Account";
        }

        String fileName() {
            return targetType.equals("member") ? "du-lieu-ca-nhan-" + targetId + ".zip"
                    : "du-lieu-ca-nhan-tai-khoan-" + targetId + ".zip";
        }
    }

    // NOTE: two exports started at the same instant may both pass this check, because nothing locks
    // the owner between the count and the audit entry; the limit is meant to stop repeated
    // downloads, not to be exact under concurrency.
    private void requireWithinLimit(Owner owner) {
        List<AuditRecord> recent = audit.recordsAbout(owner.targetType(), owner.targetId(), Set.of(EXPORTED),
                properties.exportLimit());
        Instant windowStart = clock.instant().minus(properties.exportWindow());
        List<AuditRecord> inWindow = recent.stream().filter(entry -> entry.occurredAt().isAfter(windowStart)).toList();
        if (inWindow.size() >= properties.exportLimit()) {
            Instant oldest = inWindow.getLast().occurredAt();
            Duration wait = Duration.between(clock.instant(), oldest.plus(properties.exportWindow()));
            log.info("{} {}: data export rejected: {} exports already within {}", owner.label(), owner.targetId(),
                    inWindow.size(), properties.exportWindow());
            throw new TooManyRequestsException(wait, "privacy.export.tooMany", properties.exportLimit(),
                    properties.exportWindow().toHours());
        }
    }

    /** Returns the sections of an account of no member, with every audit entry about the account last. */
    private List<Section> sectionsOfAccount(long accountId) {
        var sections = new ArrayList<Section>();
        for (PersonalDataSource source : sources) {
            sections.addAll(source.sectionsOfAccount(accountId));
        }
        List<Map<String, @Nullable Object>> entries = new ArrayList<>();
        var filter = new AuditFilter(null, null, null, "account", accountId, null);
        for (AuditRecord entry : audit.recent(filter, MAX_AUDIT_ENTRIES).reversed()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("at", entry.occurredAt());
            row.put("actor_account_id", entry.actorAccountId());
            row.put("action", entry.action());
            row.put("detail", entry.detail());
            entries.add(row);
        }
        sections.add(new Section("auditEntries", entries));
        return sections.stream().map(PersonalDataExport::plain).toList();
    }

    private List<Section> sectionsOf(Member member, long accountId) {
        var sections = new ArrayList<Section>();
        for (PersonalDataSource source : sources) {
            sections.addAll(source.sectionsOf(member.id().value(), accountId));
        }
        List<Map<String, @Nullable Object>> reads = new ArrayList<>();
        for (ProfileAccessList.Access access : accessList.entriesAbout(member)) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("at", access.at());
            row.put("reader_account_id", access.readerAccountId());
            row.put("reader_name", access.readerName());
            row.put("kind", access.kind().name());
            reads.add(row);
        }
        sections.add(new Section("profileAccess", reads));
        return sections.stream().map(PersonalDataExport::plain).toList();
    }

    private byte[] zip(Owner owner, List<Section> sections, Instant now, Locale locale) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", now.toString());
        document.put(owner.targetType() + "Id", owner.targetId());
        Map<String, Object> bySection = new LinkedHashMap<>();
        sections.forEach(section -> bySection.put(section.name(), section.rows()));
        document.put("sections", bySection);

        var context = new Context(locale);
        context.setVariable("ownerName", owner.name());
        context.setVariable("exportedAt", formats.dateTime(now));
        context.setVariable("sections", sections);
        String html = templates.process("privacy/export-document", context);

        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(JSON_FILE));
            zip.write(json.writeValueAsBytes(document));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(HTML_FILE));
            zip.write(html.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not write the data export in memory", failure);
        }
        return bytes.toByteArray();
    }

    /** Returns the section with every value as a JSON-friendly string, number, boolean or null. */
    private static Section plain(Section section) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (Map<String, @Nullable Object> row : section.rows()) {
            Map<String, @Nullable Object> converted = new LinkedHashMap<>();
            row.forEach((column, value) -> converted.put(column.toLowerCase(Locale.ROOT), plainValue(value)));
            rows.add(converted);
        }
        return new Section(section.name(), rows);
    }

    private static @Nullable Object plainValue(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Number number -> number;
            case Boolean flag -> flag;
            case Timestamp timestamp -> timestamp.toInstant().toString();
            case OffsetDateTime time -> time.toInstant().toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case LocalDate date -> date.toString();
            case Temporal temporal -> temporal.toString();
            default -> value.toString();
        };
    }
}
