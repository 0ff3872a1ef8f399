package io.wamptls.tls.cipher;

/** One item of a cipher string, as the evaluator applies it. */
sealed interface CipherRule {

    enum Operation {
        /** no prefix: append the matching suites not yet in the list, in their current order */
        ADD,
        /** {@code !}: remove the matching suites for good; later items cannot add them back */
        KILL,
        /** {@code -}: remove the matching suites from the list; later items may add them back */
        DELETE,
        /** {@code +}: move the matching suites already in the list to its end */
        MOVE_TO_END
    }

    record Select(Operation operation, CipherPattern pattern) implements CipherRule {
    }

    /** {@code @STRENGTH}: stable sort of the list by descending strength bits. */
    record SortByStrength() implements CipherRule {
    }

    /** {@code @SECLEVEL=n}: sets the security level; it does not change the list itself. */
    record SecurityLevel(int level) implements CipherRule {
    }
}
