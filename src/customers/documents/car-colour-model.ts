// The car document step's colour classifier: the Worker module of models/colour (its nine classes are MODEL_COLOURS).
export { type CarColourPrediction, classifyCarColour } from "../../image/colour-model";
