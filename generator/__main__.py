import logging
import os
import sys

from .cli import main

code = main()
# A build leaves a story of millions of small objects: ending the process at once skips
# freeing them one by one and a last garbage collection (a tenth of a second or more at a
# thousand articles). Every file is written and closed by now; the streams are flushed here.
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
