package vn.chibo.system;

/** Reads the page number of a list page's address, where a link may have been typed or cut short. */
public final class PageNumbers {

    private PageNumbers() {
    }

    /** Returns the page number from 1; anything that is not a positive number shows the first page. */
    public static int parse(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        }
        catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
