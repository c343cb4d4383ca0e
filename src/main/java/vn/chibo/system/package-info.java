/**
 * What every module shares: web and locale configuration, error pages, time zone and date formats,
 * Vietnamese text handling and the base types of domain exceptions.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.chibo.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
