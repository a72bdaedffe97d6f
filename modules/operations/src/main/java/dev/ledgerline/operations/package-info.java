package dev.ledgerline.operations;
