/** The public surface of Settings: the gate that backs up before a database upgrade. Its screen is loaded by app/App.tsx. */
export { DataGate } from './DataGate';
