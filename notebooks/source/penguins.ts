// "Penguins": the first bundled notebook. It walks the whole path once:
// load → explore → split → prepare → train → evaluate → visualize, on the
// Palmer penguins data (vega-datasets, CC0), and runs in seconds.
import { NotebookBuilder } from './builder.ts';

const NUMERIC = ['beak_length', 'beak_depth', 'flipper_length', 'body_mass'];

export function penguins() {
  return new NotebookBuilder('Penguins: from measurements to species', {
    authors: [{ name: 'ML Workbench' }],
    description: 'A first end-to-end notebook: load, explore, split, prepare, train, evaluate, visualize.',
  })
    .md(`
    # Penguins: from measurements to species

    Three penguin species live on the Palmer Archipelago in Antarctica: **Adelie**, **Chinstrap** and **Gentoo**.
    Researchers measured 344 of them. Can a model tell the species from four body measurements?

    This notebook walks the whole path of a machine-learning project once:

    1. **load** the data and **explore** it,
    2. **split** it into training, validation and test parts *before* anything is learned from it,
    3. **prepare** the features (fill gaps, scale) using the training part only,
    4. **train** a baseline and a small neural network,
    5. **evaluate** on the test part, which no step has seen.

    Run the cells one by one with **Shift+Enter**, or all at once with **Run all**. Change a parameter and run again: the cells that depend on it are marked *stale*.

    *Data: Palmer penguins by Allison Horst, Alison Hill and Kristen Gorman (CC0), shipped with the app from the vega-datasets package.*
    `)
    .cell('load', { source: { type: 'dataset', name: 'penguins' }, output: 'penguins' }, 'Load the penguins')
    .md(`
    ## Explore

    Before modelling, look at the data: how many rows, which columns, what is missing, how the classes are balanced.
    The profile below shows one row per column. Notice the missing values in the measurements and in *Sex*, and that *Sex* sometimes holds a stray "." — real data is rarely clean.
    `)
    .cell('eda', { input: 'penguins', target: 'Species' }, 'Profile every column')
    .cell('visualize', { input: 'penguins', chart: 'scatter', x: 'Flipper Length (mm)', y: ['Beak Length (mm)'], color: 'Species', title: 'Flipper and beak length by species' }, 'Do the species separate?')
    .md(`
    The species form clear clusters: Gentoo penguins have long flippers, Chinstrap penguins long beaks for their flipper length.
    A model should do well — and a model that does badly here has a bug.
    `)
    .cell('visualize', { input: 'penguins', chart: 'box', x: 'Species', y: ['Body Mass (g)'], title: 'Body mass by species' }, 'Body mass')
    .md(`
    ## Split first, then prepare

    We split **before** computing anything from the data (means, scales), so that the test part stays truly unseen.
    A *stratified* split keeps each species' share the same in every part; the seed makes the split reproducible.
    `)
    .cell('split', { input: 'penguins', method: 'stratified', target: 'Species', train: 0.7, validation: 0.15, test: 0.15, seed: 42, outputs: { train: 'train', validation: 'valid', test: 'test' } }, 'Train / validation / test')
    .md(`
    ## Prepare the features

    The transform cell learns everything it needs **from the training table only** — the mean used to fill a gap, the mean and standard deviation used to scale —
    and applies exactly the same numbers to the validation and test tables. Scaling matters for neural networks: body mass is in the thousands, beak depth around 17.
    `)
    .cell('transform', {
      input: 'train',
      output: 'train_x',
      steps: [
        { op: 'rename', from: 'Beak Length (mm)', to: 'beak_length' },
        { op: 'rename', from: 'Beak Depth (mm)', to: 'beak_depth' },
        { op: 'rename', from: 'Flipper Length (mm)', to: 'flipper_length' },
        { op: 'rename', from: 'Body Mass (g)', to: 'body_mass' },
        { op: 'select', columns: ['Species', ...NUMERIC] },
        { op: 'impute', columns: NUMERIC, strategy: 'mean' },
        { op: 'scale', columns: NUMERIC, method: 'standard' },
      ],
      applyTo: [
        { input: 'valid', output: 'valid_x' },
        { input: 'test', output: 'test_x' },
      ],
      transform: 'prep',
    }, 'Fill gaps and scale (fitted on train)')
    .md(`
    ## A baseline first

    Logistic regression is the simplest classifier worth trying. If a fancier model cannot beat it, the fancier model is not worth its cost.
    `)
    .cell('train', { input: 'train_x', target: 'Species', model: 'logistic', optimizer: 'adam', learningRate: 0.05, epochs: 60, batchSize: 32, validation: 'valid_x', seed: 42, output: 'baseline' }, 'Logistic regression')
    .cell('evaluate', { model: 'baseline', input: 'test_x', output: 'baseline_metrics' }, 'Baseline on the test set')
    .md(`
    ## A small neural network

    A multi-layer perceptron with one hidden layer of 16 units. Watch the loss curves: the training loss should fall; if the validation loss starts rising while the training loss keeps falling, the model is overfitting.
    `)
    .cell('train', { input: 'train_x', target: 'Species', model: 'mlp', hidden: [16], activation: 'relu', optimizer: 'adam', learningRate: 0.01, epochs: 80, batchSize: 16, validation: 'valid_x', seed: 42, output: 'mlp' }, 'MLP with 16 hidden units')
    .cell('evaluate', { model: 'mlp', input: 'test_x', predictions: 'test_predictions', output: 'mlp_metrics' }, 'MLP on the test set')
    .cell('visualize', { input: 'test_predictions', chart: 'heatmap', x: 'prediction', color: 'Species', title: 'Predicted (x) against true species (rows)' }, 'Where does it go wrong?')
    .md(`
    ## What to try

    - Change the MLP's **hidden** sizes or **epochs** and run again. Which cells become stale?
    - Set the split's **seed** to another number: how much do the test metrics move? That spread is why a single test score should be read with care.
    - Drop **flipper_length** from the transform's *select* step: which species get confused now?
    `)
    .build();
}
