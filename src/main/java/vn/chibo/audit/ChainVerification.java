package vn.chibo.audit;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the audit hash chain from its first entry. It is serializable because the
 * audit page carries it across a redirect in the session store.
 *
 * @param sealedEntries the number of sealed entries checked, up to the first bad one
 * @param headSequenceNumber the sequence number of the last good entry, 0 for an empty chain
 * @param headHash the hash of the last good entry. Record it outside the database, because the chain
 *     alone cannot show that entries were later removed from its end.
 * @param firstBadSequenceNumber the first sequence number at which the chain is broken, or null
 * @param problem a message code for what is wrong there ({@code audit.chain.missingEntry}, ...), or null
 * @param unsealedEntries entries not yet in the chain, normally only those of the last few seconds
 */
public record ChainVerification(long sealedEntries, long headSequenceNumber, String headHash,
        @Nullable Long firstBadSequenceNumber, @Nullable String problem, long unsealedEntries)
        implements Serializable {

    public boolean intact() {
        return firstBadSequenceNumber == null;
    }
}
