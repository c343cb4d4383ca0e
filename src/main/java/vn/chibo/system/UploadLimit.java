package vn.chibo.system;

import org.springframework.util.unit.DataSize;

/**
 * The largest file an upload form accepts, for its page: in bytes for the script that names a file
 * over the limit as soon as it is chosen, and in whole megabytes for the message. Over a slow link a
 * member then learns of it before the file travels, and the form keeps what was typed.
 *
 * @param bytes the largest size accepted; the server refuses anything larger
 * @param megabytes the same, in whole megabytes rounded down, as the server's messages give it
 */
public record UploadLimit(long bytes, long megabytes) {

    public static UploadLimit of(DataSize size) {
        return new UploadLimit(size.toBytes(), size.toMegabytes());
    }
}
