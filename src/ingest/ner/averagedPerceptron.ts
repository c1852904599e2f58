import { FEATURE_BUCKET_BITS, type TagScorer } from './model.js';
import { TAG_COUNT } from './tagset.js';

/**
 * Dense bucket × tag weights with lazy averaging: `weights` are the live weights and
 * `stepWeighted` accumulates step × update, so the average is weights − stepWeighted / steps.
 */
export class AveragedPerceptron implements TagScorer {
  private readonly weights = new Float32Array((1 << FEATURE_BUCKET_BITS) * TAG_COUNT);
  private readonly stepWeighted = new Float64Array((1 << FEATURE_BUCKET_BITS) * TAG_COUNT);
  private steps = 1;

  tick(): void {
    this.steps += 1;
  }

  addScores(buckets: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
    const weights = this.weights;
    for (let index = from; index < to; index += 1) {
      const base = buckets[index]! * TAG_COUNT;
      for (let tag = 0; tag < TAG_COUNT; tag += 1) scores[tag]! += weights[base + tag]!;
    }
  }

  update(buckets: ArrayLike<number>, from: number, to: number, gold: number, predicted: number): void {
    const step = this.steps;
    for (let index = from; index < to; index += 1) {
      const base = buckets[index]! * TAG_COUNT;
      this.weights[base + gold]! += 1;
      this.weights[base + predicted]! -= 1;
      this.stepWeighted[base + gold]! += step;
      this.stepWeighted[base + predicted]! -= step;
    }
  }

  averagedWeights(): Float32Array {
    const averaged = new Float32Array(this.weights.length);
    for (let index = 0; index < averaged.length; index += 1) {
      averaged[index] = this.weights[index]! - this.stepWeighted[index]! / this.steps;
    }
    return averaged;
  }
}
