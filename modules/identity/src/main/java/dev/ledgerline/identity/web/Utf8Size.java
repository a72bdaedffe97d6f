package dev.ledgerline.identity.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A string's length in UTF-8 bytes (bcrypt reads at most 72 of them); null is valid. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Utf8Size.Validator.class)
@interface Utf8Size {

    int min() default 0;

    int max();

    String message() default "must be {min} to {max} bytes long in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Utf8Size, String> {
        private int min;
        private int max;

        @Override
        public void initialize(Utf8Size annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = value.getBytes(StandardCharsets.UTF_8).length;
            return length >= min && length <= max;
        }
    }
}
