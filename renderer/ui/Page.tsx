export interface PageProps {
  title: string;
  subtitle?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
}

/** The frame of every screen: one h1, optional subtitle and actions, then content. */
export function Page({ title, subtitle, actions, children }: PageProps) {
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1>{title}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        {actions}
      </header>
      {children}
    </div>
  );
}
