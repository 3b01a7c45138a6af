"""Labs and their grading: otter-format masters, student labs, and an isolating grader.

- :mod:`~trainwell.grading.lab` reads a master notebook (otter-grader's assign format);
- :mod:`~trainwell.grading.generate` writes the student lab and its public tests (``make labs``),
  with the otter cells of :mod:`~trainwell.grading.otter_cells`;
- :mod:`~trainwell.grading.grade` grades submissions (``trainwell grade``): it reads each one
  (:mod:`~trainwell.grading.submission`), runs it in a sandbox (:mod:`~trainwell.grading.sandbox`)
  with :mod:`~trainwell.grading.runner`, compares its values (:mod:`~trainwell.grading.compare`) and
  writes the gradebooks (:mod:`~trainwell.grading.report`, :mod:`~trainwell.grading.lms`) and the
  instructor's similarity report (:mod:`~trainwell.grading.similarity`), all from the typed data
  of :mod:`~trainwell.grading.results`;
- :mod:`~trainwell.grading.gradescope` exports a Gradescope autograder.
"""
