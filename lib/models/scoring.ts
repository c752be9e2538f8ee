/**
 * The one way answers are scored against true labels: a confusion matrix over a model's classes, and
 * from it accuracy, per-class accuracy and the most confused pairs. Evaluation and statistics both use it.
 */
export type ConfusedPair = { pair: string; errors: number; first: string; second: string; firstReadAsSecond: number; secondReadAsFirst: number };

export class Scoreboard {
  readonly confusion: number[][];
  private total = 0;
  private right = 0;

  constructor(readonly labels: string[]) {
    this.confusion = labels.map(() => labels.map(() => 0));
  }

  /** `count` answers of class `answered` whose truth is class `truth` (both indices into labels). */
  add(truth: number, answered: number, count = 1): void {
    this.confusion[truth][answered] += count;
    this.total += count;
    if (truth === answered) this.right += count;
  }

  get count(): number {
    return this.total;
  }

  get accuracy(): number | null {
    return this.total ? this.right / this.total : null;
  }

  perClass(): { label: string; count: number; accuracy: number }[] {
    return this.labels.map((label, i) => {
      const count = this.confusion[i].reduce((a, b) => a + b, 0);
      return { label, count, accuracy: count ? this.confusion[i][i] / count : 0 };
    });
  }

  /**
   * Pairs of classes most often taken for each other, both ways counted, and each way on its own
   * (`firstReadAsSecond`: truly the first, read as the second).
   */
  mostConfused(k = 10): ConfusedPair[] {
    const pairs: ConfusedPair[] = [];
    for (let i = 0; i < this.labels.length; i++) {
      for (let j = i + 1; j < this.labels.length; j++) {
        const errors = this.confusion[i][j] + this.confusion[j][i];
        if (errors) {
          const [first, second] = [this.labels[i], this.labels[j]];
          pairs.push({ pair: `${first}/${second}`, errors, first, second, firstReadAsSecond: this.confusion[i][j], secondReadAsFirst: this.confusion[j][i] });
        }
      }
    }
    return pairs.sort((a, b) => b.errors - a.errors).slice(0, k);
  }
}
