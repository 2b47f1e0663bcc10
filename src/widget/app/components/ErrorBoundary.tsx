import type { Signal } from '@preact/signals';
import { Component, type ComponentChildren } from 'preact';
import { warnFailed } from '../containment';
import { ErrorState } from './ErrorState';

interface ErrorBoundaryProps {
  /** Set when something of the panel failed (a render, or an event handler: containment.ts). */
  fault?: Signal<boolean>;
  /** `error`: the error state with Retry in place of the children; `nothing`: hide them. */
  fallback: 'error' | 'nothing';
  /** After Retry clears the fault (the panel boots again). */
  onRetry(): void;
  children: ComponentChildren;
}

/**
 * A render that throws stays in the widget (T11): the view shows the error state with Retry instead
 * of an exception reaching the host page's listeners. One warning names the failure for the shop.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    warnFailed(error);
    if (this.props.fault) this.props.fault.value = true;
    this.setState({ failed: true });
  }

  render({ fault, fallback, onRetry, children }: ErrorBoundaryProps) {
    if (!fault?.value && !this.state.failed) return children;
    if (fallback === 'nothing') return null;
    const retry = () => {
      if (fault) fault.value = false;
      this.setState({ failed: false });
      onRetry();
    };
    return <ErrorState code={null} onRetry={retry} />;
  }
}
