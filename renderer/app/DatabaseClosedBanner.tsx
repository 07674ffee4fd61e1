/** Shown when a newer Trellis (or another window) upgrades the database under us. */
export function DatabaseClosedBanner() {
  return (
    <main className="page">
      <div className="banner banner--error" role="alert">
        <h1>Trellis was updated in another window</h1>
        <p>This window closed its connection to your data so the update could finish safely. Reload to continue.</p>
      </div>
      <button className="btn btn--primary" onClick={() => location.reload()}>
        Reload
      </button>
    </main>
  );
}
