package vn.chibo.meeting;

import vn.chibo.system.ConflictException;

/** A revision of the agenda would remove an item that another module still holds data for. */
public class AgendaItemInUse extends ConflictException {

    AgendaItemInUse(String messageKey) {
        super(messageKey);
    }
}
