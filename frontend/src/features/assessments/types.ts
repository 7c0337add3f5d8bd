import type { Schemas } from '@/lib/api-client';

export type Assessment = Schemas['AssessmentRead'];
export type Instruments = Schemas['AssessmentInstruments'];
export type Barc10Definition = Schemas['Barc10Definition'];
export type CssrsDefinition = Schemas['CssrsDefinition'];
export type CssrsQuestion = Schemas['CssrsQuestionDefinition'];
export type Barc10Trend = Schemas['Barc10Trend'];
export type Barc10Point = Schemas['Barc10Point'];
export type CssrsRisk = NonNullable<Assessment['risk']>;
export type AssessmentCreate = Schemas['Barc10Create'] | Schemas['CssrsCreate'];
