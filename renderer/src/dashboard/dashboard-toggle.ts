// Whether the usage dashboard replaces the compare view (toggled from the top bar).
import { create } from 'zustand';

interface DashboardToggle {
  open: boolean;
  toggle(): void;
}

export const useDashboardToggle = create<DashboardToggle>((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
}));
