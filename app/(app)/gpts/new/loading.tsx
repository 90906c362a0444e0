import { EditorSkeleton } from "@/components/builder/editor-skeleton";

export default function EditorLoading() {
  return <EditorSkeleton />;
}
