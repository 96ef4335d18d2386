/** The sensitivity of data elements as People & data shows it (defined with the vocabulary, in shared). */
export {
  SENSITIVITIES,
  SENSITIVITY_HINT,
  SENSITIVITY_LABELS,
  sensitivityLabel,
  sensitivityOf,
  type Sensitivity,
} from '../../../../shared/domain/data-sensitivity';
