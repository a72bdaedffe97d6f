package dev.ledgerline.bench;

import java.util.Map;

/** What a user and the assistant say: about 300 characters, like a short chat message. */
final class Content {

    private static final String[] USER = {
        "Could you help me plan the rest of my week? I need to finish the quarterly report by Thursday, book a "
            + "dentist appointment, and find time for two long runs. Also remind me to call the landlord about the "
            + "heating, which has been unreliable since October. Please keep my mornings free for deep work. ",
        "I just got back from the meeting with the design team. They want the onboarding flow simplified before the "
            + "beta, so add a task to review their mock-ups tomorrow afternoon and move the API clean-up to next "
            + "week. Can you also summarise what is still open on the billing project for Friday's sync? ",
    };
    private static final String[] ASSISTANT = {
        "Here is a plan: Monday and Tuesday mornings go to the quarterly report, with a review slot on Wednesday at "
            + "nine. I booked a reminder to call the dentist at lunch on Monday. Your runs fit best on Tuesday and "
            + "Saturday evenings. I added a task to call the landlord about the heating on Monday at five. ",
    };

    private Content() {
    }

    static String user(long n) {
        return fit(USER[(int) (n % USER.length)], n);
    }

    static String assistant(long n) {
        return fit(ASSISTANT[0], n);
    }

    static Map<String, Object> userMessage(long n) {
        return Map.of("role", "user", "content", user(n));
    }

    private static String fit(String text, long n) {
        return text + "(" + n + ")";
    }
}
