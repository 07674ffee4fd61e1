export { DataGate } from './DataGate';
