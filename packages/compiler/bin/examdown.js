#!/usr/bin/env node
// Checked-in launcher: npm links a workspace's bins at install time, before `dist/` is built,
// so the bin must point at a file that already exists. The CLI itself is dist/cli/main.js.
import '../dist/cli/main.js';
