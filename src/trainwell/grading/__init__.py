"""Labs and their grading: otter-format masters, student labs, and an isolating grader.

- :mod:`~trainwell.grading.lab` reads a master notebook (otter-grader's assign format);
- :mod:`~trainwell.grading.generate` writes the student lab and its public tests (``make labs``);
- :mod:`~trainwell.grading.grade` grades submissions (``trainwell grade``), each in a sandbox
  (:mod:`~trainwell.grading.sandbox`) running :mod:`~trainwell.grading.runner`;
- :mod:`~trainwell.grading.gradescope` exports a Gradescope autograder.
"""
