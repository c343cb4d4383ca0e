package vn.chibo.member;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.chibo.account.CellMembers;
import vn.chibo.organization.OrganizationId;

/** Tells the account module which members are on a cell's roster. */
@Component
class RosterCellMembers implements CellMembers {

    private final Members members;

    RosterCellMembers(Members members) {
        this.members = members;
    }

    @Override
    public Set<Long> memberIdsOf(OrganizationId cell) {
        return members.ofCell(cell).stream().map(member -> member.id().value()).collect(Collectors.toSet());
    }
}
