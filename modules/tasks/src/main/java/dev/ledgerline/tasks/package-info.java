package dev.ledgerline.tasks;
