package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies an organisation across communities: its 18-character Unified Social Credit Code
 * (GB 32100-2015) where it has one, else a slug {@code [a-z0-9-]{3,64}}.
 *
 * <p>An 18-character value made only of USCC characters is read as a USCC, so its check character
 * must be right: a mistyped code is refused instead of silently becoming a different organisation. For
 * the same reason a slug needs at least one letter.
 */
public record OrganizationId(String value) {

    private static final Pattern USCC_SHAPE = Pattern.compile("[" + UnifiedSocialCreditCode.ALPHABET + "]{18}");
    /** At least one letter: a string of digits is a mistyped credit code far more often than a name. */
    private static final Pattern SLUG = Pattern.compile("(?=.*[a-z])[a-z0-9-]{3,64}");

    public OrganizationId {
        Objects.requireNonNull(value, "organizationId");
        if (USCC_SHAPE.matcher(value).matches()) {
            if (!UnifiedSocialCreditCode.hasValidCheckCharacter(value)) {
                throw new IllegalArgumentException(
                        "organizationId looks like a Unified Social Credit Code but its check character is wrong");
            }
        } else if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "organizationId must be an 18-character Unified Social Credit Code or a slug [a-z0-9-]{3,64} with a letter");
        }
    }

    @JsonCreator
    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    public boolean isUnifiedSocialCreditCode() {
        return value.length() == 18 && USCC_SHAPE.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
