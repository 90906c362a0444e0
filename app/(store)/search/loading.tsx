import { GridSkeleton } from "@/components/store/grid-skeleton";

export default function Loading() {
  return <GridSkeleton label="Searching GPTs" />;
}
