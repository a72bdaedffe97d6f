package dev.ledgerline.audit;
