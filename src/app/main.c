/* STUB: replaced by the display engine. */
int main(void) { return 0; }
