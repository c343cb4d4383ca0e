/**
 * The document library of each organization: documents, their versions, where they were issued, read
 * receipts and the log of every access. It is an application module of its
 * own inside the document module, because it reads member records while the member module keeps its
 * files in the document module's file store: as one module the two would depend on each other. It is
 * open so that the home page and the demo data may use it, because Spring Modulith lets only the
 * parent reference a nested module that is closed. Java's package-private types stay hidden all the same.
 */
@ApplicationModule(displayName = "Document library", type = ApplicationModule.Type.OPEN)
@NullMarked
package vn.chibo.document.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
