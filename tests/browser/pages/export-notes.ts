import { tick } from './controls';
import { DialogModel } from './dialog';

/** "Export notes…": Markdown files into a folder, private notes only after a second yes. */
export class ExportNotesDialog extends DialogModel {
  get includePrivate() {
    return this.root.getByRole('checkbox', { name: 'Include private notes' });
  }
  get exportButton() {
    return this.root.getByRole('button', { name: 'Choose folder and export…' });
  }
  get confirmButton() {
    return this.root.getByRole('button', { name: 'Export with private notes' });
  }
  get backButton() {
    return this.root.getByRole('button', { name: 'Back' });
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
  async tickIncludePrivate() {
    await tick(this.page, 'Include private notes');
  }
  async export() {
    await this.exportButton.click();
  }
  async confirmWithPrivateNotes() {
    await this.confirmButton.click();
  }
}
