export declare const trellisFuses: Record<string | number, unknown>;
export interface AfterPackContext {
  electronPlatformName: string;
  appOutDir: string;
  arch?: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
export declare function electronBinaryPath(context: AfterPackContext): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
