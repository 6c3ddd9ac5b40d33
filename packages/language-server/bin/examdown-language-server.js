#!/usr/bin/env node
// Checked-in launcher (npm links bins before dist/ is built). Speaks LSP over stdio.
import '../dist/main.js';
