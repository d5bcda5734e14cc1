# Makes the man page: runs `PROGRAM manpage` into OUTPUT and compresses it to OUTPUT.gz as Debian
# ships man pages (gzip -9n: no name or time stamp, so the same page gives the same bytes).
execute_process(COMMAND ${PROGRAM} manpage OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${PROGRAM} manpage failed: ${failed}")
endif()
execute_process(COMMAND gzip -9nc ${OUTPUT} OUTPUT_FILE ${OUTPUT}.gz RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "gzip ${OUTPUT} failed: ${failed}")
endif()
