"""What core's transfer functions ask of the task they run in (a QgsTask, or a Processing algorithm's
feedback, in real use): whether it was cancelled, and where to report progress."""


class TaskStandIn:
    """Cancelled from its `cancelled_from`-th question on (never if None); records the percentages
    of `setProgress` and the client's progress events."""

    def __init__(self, cancelled_from=None):
        self.cancelled_from = cancelled_from
        self.asked = 0
        self.percents = []
        self.progress = []

    def isCanceled(self):  # QgsTask's name
        self.asked += 1
        return self.cancelled_from is not None and self.asked >= self.cancelled_from

    def setProgress(self, percent):  # QgsTask's name
        self.percents.append(percent)

    def progress_callback(self, progress):
        self.progress.append(progress)
