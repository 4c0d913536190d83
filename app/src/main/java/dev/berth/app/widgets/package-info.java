/** Small controls every page uses: the page contract, header toolbar, message bar, confirmations, icons. */
package dev.berth.app.widgets;
