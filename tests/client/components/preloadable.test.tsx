// Components loaded on demand: one loaded ahead (preload) shows at once, with no "loading" in
// between; one not loaded yet shows the fallback, then itself, and keeps its state when the
// file arrives; a failed load can be tried again.
import { Suspense, useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { preloadable, useLoaded } from '#src/client/components/preloadable.ts';

function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return <button type="button" onClick={() => setCount(count + 1)}>{`${label} ${count}`}</button>;
}

/** A module whose file arrives when `arrive` is called (or fails with `fail`). */
function slowModule() {
  let arrive = () => undefined as void;
  let fail = (_error: Error) => undefined as void;
  const load = () => new Promise<{ Counter: typeof Counter }>((resolve, reject) => {
    arrive = () => resolve({ Counter });
    fail = reject;
  });
  return { load, arrive: () => arrive(), fail: (error: Error) => fail(error) };
}

const fallback = <p>Đang tải…</p>;

describe('preloadable', () => {
  it('renders a component loaded ahead at once, without the fallback', async () => {
    const module = slowModule();
    const Screen = preloadable(module.load, 'Counter');
    const loading = Screen.preload();
    module.arrive();
    await loading;
    render(<Suspense fallback={fallback}><Screen label="Nhật ký" /></Suspense>);
    expect(screen.getByRole('button', { name: 'Nhật ký 0' })).toBeInTheDocument();
    expect(screen.queryByText('Đang tải…')).not.toBeInTheDocument();
  });

  it('shows the fallback until the file arrives, then keeps the same instance', async () => {
    const module = slowModule();
    const Screen = preloadable(module.load, 'Counter');
    const { rerender } = render(<Suspense fallback={fallback}><Screen label="Hộ" /></Suspense>);
    expect(screen.getByText('Đang tải…')).toBeInTheDocument();
    await act(async () => module.arrive());
    await userEvent.click(await screen.findByRole('button', { name: 'Hộ 0' }));
    rerender(<Suspense fallback={fallback}><Screen label="Hộ gia đình" /></Suspense>);
    // Re-rendered after the file arrived: same instance, its state kept.
    expect(screen.getByRole('button', { name: 'Hộ gia đình 1' })).toBeInTheDocument();
  });

  it('keeps a plain placeholder (useLoaded) until the code is there, then shows it at once', async () => {
    const module = slowModule();
    const Screen = preloadable(module.load, 'Counter');
    function Host() {
      const isReady = useLoaded(Screen, true);
      return isReady ? <Suspense fallback={fallback}><Screen label="Đăng nhập" /></Suspense> : <p>Sổ tay ANTT</p>;
    }
    render(<Host />);
    expect(screen.getByText('Sổ tay ANTT')).toBeInTheDocument();
    await act(async () => module.arrive());
    expect(screen.getByRole('button', { name: 'Đăng nhập 0' })).toBeInTheDocument();
    expect(screen.queryByText('Đang tải…')).not.toBeInTheDocument();
  });

  it('does not miss a load that ends between the render and its effects', () => {
    let loaded = false;
    // The file arrives after the render found it missing, before anyone listens: no notice comes.
    const arrivingUnheard = {
      isLoaded: () => loaded,
      preload: () => new Promise<never>(() => undefined),
      subscribe: () => {
        loaded = true;
        return () => undefined;
      },
    };
    function Host() {
      return useLoaded(arrivingUnheard, true) ? <p>màn hình</p> : <p>Sổ tay ANTT</p>;
    }
    render(<Host />);
    expect(screen.getByText('màn hình')).toBeInTheDocument();
  });

  it('shows the screen anyway when its code cannot load (React.lazy then reports it)', async () => {
    const module = slowModule();
    const Screen = preloadable(module.load, 'Counter');
    function Host() {
      return useLoaded(Screen, true) ? <p>thử hiện màn hình</p> : <p>Sổ tay ANTT</p>;
    }
    render(<Host />);
    await act(async () => module.fail(new Error('offline')));
    expect(screen.getByText('thử hiện màn hình')).toBeInTheDocument();
  });

  it('tries a failed load again', async () => {
    let attempts = 0;
    const Screen = preloadable(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { Counter };
    }, 'Counter');
    await expect(Screen.preload()).rejects.toThrow('offline');
    await Screen.preload();
    render(<Screen label="Đồng bộ" />);
    expect(screen.getByRole('button', { name: 'Đồng bộ 0' })).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
