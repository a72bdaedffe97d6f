/**
 * Tasks: each user's todo list, event-sourced (the {@code Task} aggregate) with a read table for lists and lookups.
 * Depends on identity ({@code api.CurrentUser}, {@code events}) and operations' {@code api} (its projection's descriptor). Other modules may use {@code commands},
 * {@code events} and {@code queries}.
 */
package dev.ledgerline.tasks;
