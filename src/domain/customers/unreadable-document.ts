/** What a customer is told when a document uploaded at signup could not be read at all. */
export interface UnreadableDocumentNotice {
  code: "UNREADABLE_DOCUMENT";
  message: string;
  guidance: string[];
}

// The failure's own reason stays in the document row for staff: it may name storage or Workflows.
export function unreadableDocumentNotice(documentType: "DRIVERS_LICENSE" | "CAR"): UnreadableDocumentNotice {
  const subject = documentType === "DRIVERS_LICENSE" ? "driver's licence" : "car";
  const guidance =
    documentType === "DRIVERS_LICENSE"
      ? [
          "Photograph the front of the licence flat, filling most of the frame",
          "Avoid glare and shadows; every line of text should be sharp",
          "Upload a JPEG or PNG of at least 320×320 pixels",
        ]
      : [
          "Photograph the whole car in daylight, filling most of the frame",
          "Hold the camera still so the photo is sharp",
          "Upload a JPEG or PNG of at least 320×320 pixels",
        ];
  return {
    code: "UNREADABLE_DOCUMENT",
    message: `We could not read the photo of your ${subject}; please upload it again.`,
    guidance,
  };
}
