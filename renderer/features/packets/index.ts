/**
 * The public surface of Packets: nothing yet. Its screens (PacketsPage, PacketPage) are loaded
 * by app/App.tsx; the model, checks and formats are in shared/packets.
 */
export {};
