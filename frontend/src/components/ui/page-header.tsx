import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** One line under the title. */
  description?: ReactNode;
  /** Page-level actions, shown beside the title on wide screens. */
  actions?: ReactNode;
}

/** The page's title (its only h1) and actions. Also sets the document title. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <title>{`${title} · Peer Recovery Support`}</title>
      <div className="page-header__text">
        <h1 className="page-header__title">{title}</h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
