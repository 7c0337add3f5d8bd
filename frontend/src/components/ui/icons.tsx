/**
 * Small decorative icons. They are always paired with visible text (colour and shape are never
 * the only signal), so they are hidden from assistive technology.
 */
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Svg({ children, className, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      className={className ? `icon ${className}` : 'icon'}
      {...props}
    >
      {children}
    </svg>
  );
}

export function CircleIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="6" fill="currentColor" />
    </Svg>
  );
}

export function TriangleIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1.5 15 14H1z" fill="currentColor" />
    </Svg>
  );
}

export function DiamondIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1 15 8 8 15 1 8z" fill="currentColor" />
    </Svg>
  );
}

export function OctagonAlertIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor" />
      <path d="M7 3.8h2v5.4H7zM7 10.6h2v2H7z" className="icon__contrast" fill="#fff" />
    </Svg>
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M7 3.5h2v5.5H7zM7 10.5h2v2H7z" className="icon__contrast" fill="#fff" />
    </Svg>
  );
}

export function PhoneIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path
        d="M4.2 1.5 6 1.9l1 3.1-1.6 1.2a8.6 8.6 0 0 0 4.4 4.4L11 9l3.1 1 .4 1.8c.1.6-.3 1.2-.9 1.4-1 .4-2.3.6-3.6.2A12 12 0 0 1 2.6 6C2.2 4.7 2.4 3.4 2.8 2.4c.2-.6.8-1 1.4-.9z"
        fill="currentColor"
      />
    </Svg>
  );
}

export function MessageIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="currentColor" />
    </Svg>
  );
}
