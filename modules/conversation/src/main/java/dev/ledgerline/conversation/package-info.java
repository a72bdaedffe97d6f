/**
 * Conversation: what a user and the AI assistant said to each other and every tool the assistant used
 * (conversations, messages, tool calls and their results). Depends on identity's {@code api} and {@code events} and operations' {@code api} (its projection's descriptor).
 * Other modules may use {@code commands}, {@code events}, {@code queries} and {@code api} (replaying a conversation's
 * events into its read-model state).
 */
package dev.ledgerline.conversation;
