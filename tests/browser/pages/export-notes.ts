import { DialogModel } from './dialog';

/** "Export notes…": Markdown files into a folder; private notes never go. */
export class ExportNotesDialog extends DialogModel {
  get exportButton() {
    return this.root.getByRole('button', { name: 'Choose folder and export…' });
  }
  /** The export's progress bar, while files are being written. */
  get progress() {
    return this.root.getByRole('progressbar');
  }
  get cancelExportButton() {
    return this.root.getByRole('button', { name: 'Cancel export' });
  }
  async cancelExport() {
    await this.cancelExportButton.click();
  }
  async export() {
    await this.exportButton.click();
  }
}
