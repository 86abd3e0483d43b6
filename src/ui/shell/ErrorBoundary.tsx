import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What failed, for the message ("the Parameters form"). */
  what: string;
  children: ReactNode;
  /** Called once per caught error (e.g. to remember that the start crashed). */
  onError?(error: Error): void;
  /** What the user can do; by default, that the rest of the page keeps working. */
  hint?: string;
}

/**
 * Keeps a render error inside one part of the page: it shows what failed and a "Try again" button,
 * and everything outside keeps working. Without it, React unmounts the whole app and the page stays
 * blank (a registry with a `$ref` cycle made RJSF throw on every load).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error);
    // Kept in the console for bug reports; the page shows the short message.
    console.error(`${this.props.what} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <p>
          {capitalize(this.props.what)} failed: {firstLine(error.message) || error.name}. {this.props.hint ?? 'The other panels keep working.'}
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Messages can be long (a schema dumped into them): the first line, cut, is what a person reads. */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
