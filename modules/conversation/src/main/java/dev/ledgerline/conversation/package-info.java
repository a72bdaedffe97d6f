package dev.ledgerline.conversation;
