package vn.chibo.voting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The share of the denominator of rule 7 each penalty needs in a discipline vote (rule 8): more than
 * half for a reprimand, a warning or a removal from post, at least two thirds to propose an expulsion.
 * A cell whose committee rules otherwise changes them in configuration.
 */
@ConfigurationProperties("chibo.voting.discipline")
public record DisciplineThresholds(@DefaultValue("MORE_THAN_HALF") VoteThreshold reprimand,
        @DefaultValue("MORE_THAN_HALF") VoteThreshold warning, @DefaultValue("MORE_THAN_HALF") VoteThreshold removal,
        @DefaultValue("TWO_THIRDS") VoteThreshold expulsion) {

    /** The thresholds of rule 8 as the product brief states them. */
    public static final DisciplineThresholds RULE_8 = new DisciplineThresholds(VoteThreshold.MORE_THAN_HALF,
            VoteThreshold.MORE_THAN_HALF, VoteThreshold.MORE_THAN_HALF, VoteThreshold.TWO_THIRDS);

    public VoteThreshold of(Penalty penalty) {
        return switch (penalty) {
            case REPRIMAND -> reprimand;
            case WARNING -> warning;
            case REMOVAL -> removal;
            case EXPULSION -> expulsion;
        };
    }
}
