package vn.chibo.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of uploaded documents ({@code chibo.document.*}).
 *
 * @param maxSize the largest document file accepted; a multipart upload whose Content-Length says it
 *        is larger is rejected before its body is read
 * @param officeCommand the LibreOffice program that renders DOCX, XLSX, ODT and ODS as PDF, such as
 *        {@code soffice} (found on the PATH) or {@code /usr/bin/soffice}
 * @param conversionTimeout how long one LibreOffice conversion may take before it is killed
 * @param maxConcurrentConversions how many LibreOffice conversions may run at once; one took a core
 *        and 210 MB of resident memory for a one-page document (docs/deployment.md)
 */
@ConfigurationProperties("chibo.document")
public record DocumentProperties(@DefaultValue("50MB") DataSize maxSize,
        @DefaultValue("soffice") String officeCommand, @DefaultValue("60s") Duration conversionTimeout,
        @DefaultValue("1") int maxConcurrentConversions) {
}
